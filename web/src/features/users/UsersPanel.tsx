import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Col, Grid, Input, Row, Select } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ROLE_NAMES, type RoleName, type UserSummary } from '../../../../src/modules/users/users.schema.ts';
import { errorText, useShowError } from '../../api/errors.ts';
import { useI18n } from '../../i18n/index.ts';
import { JurisdictionPicker } from '../jurisdictions/JurisdictionPicker.tsx';
import { roleLabel, useRoles, useUnlockUser, useUserList } from './api.ts';
import { ResetPasswordModal } from './ResetPasswordModal.tsx';
import { RevealPhoneModal } from './RevealPhoneModal.tsx';
import { SessionsDrawer } from './SessionsDrawer.tsx';
import type { UserHandlers } from './UserActions.tsx';
import { UserCards } from './UserCards.tsx';
import { UserFormModal, type UserFormTarget } from './UserFormModal.tsx';
import { UserTable, type UserViewProps } from './UserTable.tsx';

const PAGE_SIZE = 50;
const isRole = (value: string | null): value is RoleName => ROLE_NAMES.includes(value as RoleName);

type Dialog =
  | { kind: 'form'; target: UserFormTarget }
  | { kind: 'password' | 'reveal' | 'sessions'; user: UserSummary };

interface Filters {
  q: string;
  role?: RoleName;
  under?: string;
  page: number;
}

/** 用户管理: accounts in the admin's jurisdiction. Filters and page live in the URL. */
export function UsersPanel() {
  const { lang, t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const phone = Grid.useBreakpoint().sm !== true;
  const [searchParams, setSearchParams] = useSearchParams();
  const roleParam = searchParams.get('role');
  const filters: Filters = {
    q: searchParams.get('q')?.trim() ?? '',
    role: isRole(roleParam) ? roleParam : undefined,
    under: searchParams.get('under') || undefined,
    page: Math.max(1, Number(searchParams.get('page')) || 1),
  };
  const [dialog, setDialog] = useState<Dialog | null>(null);

  const roles = useRoles();
  const list = useUserList({
    q: filters.q || undefined,
    role: filters.role,
    under: filters.under,
    limit: PAGE_SIZE,
    offset: (filters.page - 1) * PAGE_SIZE,
  });
  const unlock = useUnlockUser();

  const setFilters = (next: Filters) => {
    const params = new URLSearchParams();
    if (next.q) params.set('q', next.q);
    if (next.role) params.set('role', next.role);
    if (next.under) params.set('under', next.under);
    if (next.page > 1) params.set('page', String(next.page));
    setSearchParams(params);
  };

  const handlers: UserHandlers = {
    onEdit: (user) => setDialog({ kind: 'form', target: { kind: 'edit', user } }),
    onResetPassword: (user) => setDialog({ kind: 'password', user }),
    onSessions: (user) => setDialog({ kind: 'sessions', user }),
    onReveal: (user) => setDialog({ kind: 'reveal', user }),
    onUnlock: (user) =>
      unlock.mutate(user.id, {
        onSuccess: () => void message.success(t('users.unlocked', { name: user.displayName })),
        onError: showError,
      }),
  };

  const viewProps: UserViewProps = {
    items: list.data?.items ?? [],
    loading: list.isFetching,
    roles: roles.data?.items,
    pagination: {
      current: filters.page,
      pageSize: PAGE_SIZE,
      total: list.data?.total ?? 0,
      onChange: (page) => setFilters({ ...filters, page }),
    },
    ...handlers,
  };

  const close = () => setDialog(null);

  return (
    <div data-testid="admin-users">
      <Row gutter={[8, 8]} style={{ marginBottom: 12 }}>
        <Col xs={24} md={8}>
          <Input.Search
            key={filters.q} // follow Back/Forward
            defaultValue={filters.q}
            placeholder={t('users.search')}
            aria-label={t('users.search')}
            allowClear
            enterButton
            onSearch={(value) => setFilters({ ...filters, q: value.trim(), page: 1 })}
          />
        </Col>
        <Col xs={12} md={5}>
          <Select<RoleName>
            style={{ width: '100%' }}
            value={filters.role}
            placeholder={t('users.allRoles')}
            aria-label={t('users.roles')}
            allowClear
            loading={roles.isPending}
            options={(roles.data?.items ?? []).map((r) => ({ value: r.role, label: roleLabel(roles.data?.items, r.role, lang) }))}
            onChange={(role) => setFilters({ ...filters, role, page: 1 })}
          />
        </Col>
        <Col xs={12} md={6}>
          <JurisdictionPicker
            value={filters.under}
            allowClear
            placeholder={t('users.allJurisdictions')}
            aria-label={t('users.jurisdiction')}
            onChange={(under) => setFilters({ ...filters, under, page: 1 })}
          />
        </Col>
        <Col xs={24} md={5} style={{ textAlign: phone ? undefined : 'end' }}>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            block={phone}
            onClick={() => setDialog({ kind: 'form', target: { kind: 'create' } })}
          >
            {t('users.create')}
          </Button>
        </Col>
      </Row>

      {list.isError ? (
        <Alert type="error" showIcon title={errorText(list.error, lang, t('common.unknownError'))} />
      ) : phone ? (
        <UserCards {...viewProps} />
      ) : (
        <UserTable {...viewProps} />
      )}

      {dialog?.kind === 'form' && <UserFormModal target={dialog.target} onClose={close} />}
      {dialog?.kind === 'password' && <ResetPasswordModal user={dialog.user} onClose={close} />}
      {dialog?.kind === 'reveal' && <RevealPhoneModal user={dialog.user} onClose={close} />}
      {dialog?.kind === 'sessions' && <SessionsDrawer user={dialog.user} onClose={close} />}
    </div>
  );
}
