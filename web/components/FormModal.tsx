// A modal holding a form: Enter submits, Esc closes, server field errors land on the right fields.
import { useEffect, useState, type ReactNode } from 'react';
import { App, Form, Modal, type FormInstance } from 'antd';
import { ApiError } from '../api/client.ts';

interface Props<T> {
  title: ReactNode;
  open: boolean;
  form: FormInstance<T>;
  onCancel: () => void;
  onSubmit: (values: T) => Promise<void>;
  initialValues?: Partial<T>;
  okText?: string;
  width?: number;
  children: ReactNode;
}

/**
 * The form's field the server named: "phases.1.fromYear" is the path ['phases', 1, 'fromYear'] of a Form.List when
 * the form holds a value there; otherwise the name as it is.
 */
function fieldName(form: FormInstance, name: string): string | (string | number)[] {
  if (!name.includes('.')) return name;
  const path = name.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k));
  return form.getFieldValue(path) === undefined ? name : path;
}

export default function FormModal<T extends object>(p: Props<T>) {
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  // Start from the initial values each time it opens (clearOnDestroy misfires under StrictMode's double mount).
  useEffect(() => { if (p.open) p.form.resetFields(); }, [p.open]); // eslint-disable-line react-hooks/exhaustive-deps

  const finish = async (values: T) => {
    setSaving(true);
    try {
      await p.onSubmit(values);
    } catch (err) {
      if (err instanceof ApiError && err.details && Object.keys(err.details).length) {
        p.form.setFields(Object.entries(err.details).map(([name, msg]) => ({ name: fieldName(p.form, name) as never, errors: [msg] })));
      }
      if (err instanceof ApiError) message.error(err.message);
      else message.error('Đã có lỗi xảy ra. Vui lòng thử lại.');
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title={p.title}
      open={p.open}
      onCancel={p.onCancel}
      okText={p.okText ?? 'Lưu'}
      cancelText="Hủy"
      width={p.width}
      confirmLoading={saving}
      okButtonProps={{ htmlType: 'submit' }}
      destroyOnHidden
      // The form wraps the whole dialog so the footer "Lưu" is a real submit button (Enter works).
      modalRender={(dom) => (
        <Form<T> form={p.form} layout="vertical" initialValues={p.initialValues} onFinish={finish}>
          {dom}
        </Form>
      )}
    >
      {p.children}
    </Modal>
  );
}
