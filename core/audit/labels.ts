// Vietnamese names of audit actions and entity types, for the audit log page and exports.
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'auth.login': 'Đăng nhập',
  'auth.login_failed': 'Đăng nhập sai',
  'auth.locked': 'Khóa tạm thời tài khoản',
  'auth.logout': 'Đăng xuất',
  'auth.switch_tenant': 'Chuyển Sở làm việc',
  'auth.password_change': 'Đổi mật khẩu',
  'tenant.create': 'Tạo Sở Y tế',
  'org.unit.create': 'Thêm đơn vị',
  'org.unit.update': 'Sửa đơn vị',
  'org.unit.move': 'Chuyển đơn vị',
  'org.unit.deactivate': 'Ngừng hoạt động đơn vị',
  'org.unit.activate': 'Kích hoạt lại đơn vị',
  'org.person.create': 'Thêm cán bộ',
  'org.person.update': 'Sửa thông tin cán bộ',
  'org.user.create': 'Tạo tài khoản',
  'org.user.update': 'Sửa tài khoản',
  'org.user.password_reset': 'Đặt lại mật khẩu',
  'org.role.grant': 'Cấp quyền',
  'org.role.revoke': 'Thu hồi quyền',
  'demo.seed': 'Tạo dữ liệu mẫu',
};

export const ENTITY_LABELS: Record<string, string> = {
  user: 'Tài khoản', tenant: 'Sở Y tế', org_unit: 'Đơn vị', person: 'Cán bộ', role_grant: 'Phân quyền',
};

export const auditActionLabel = (action: string) => AUDIT_ACTION_LABELS[action] ?? action;
