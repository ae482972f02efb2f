// TanStack Query hooks for /api/figures: a figure with its breakdown, and the rows behind it.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { FigureCatalogue, FigureResult, FigureRows } from '../../../../src/modules/figures/figures.schema.ts';
import { downloadFile, request } from '../../api/client.ts';

export type FigureData = z.infer<typeof FigureResult>;
export type FigureRowsData = z.infer<typeof FigureRows>;
export type FigureValueData = FigureData['total'];

export interface FigureParams {
  period?: string;
  under?: string;
  category?: string;
  by?: 'place' | 'month' | 'category';
}

export function useFigure(id: string, params: FigureParams) {
  return useQuery({
    queryKey: ['figures', id, params],
    queryFn: () => request(`/figures/${encodeURIComponent(id)}`, { query: { ...params }, schema: FigureResult }),
    placeholderData: keepPreviousData,
  });
}

export function useFigureRows(id: string, params: FigureParams & { limit: number; offset: number }) {
  return useQuery({
    queryKey: ['figures', id, 'rows', params],
    queryFn: () => request(`/figures/${encodeURIComponent(id)}/rows`, { query: { ...params }, schema: FigureRows }),
    placeholderData: keepPreviousData,
  });
}

export function exportFigure(id: string, params: FigureParams): Promise<void> {
  return downloadFile(`/figures/${encodeURIComponent(id)}/export`, 'figure.xlsx', { period: params.period, under: params.under, category: params.category });
}

export function useFigureCatalogue() {
  return useQuery({ queryKey: ['figures', 'catalogue'], queryFn: () => request('/figures', { schema: FigureCatalogue }), staleTime: Infinity });
}
