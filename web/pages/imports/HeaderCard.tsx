// The plan's header as read (issuer, number, date, title, legal bases, replaces, signer), editable, with
// the owner unit and the period the plan will have.
import { Card, DatePicker, Form, Input } from 'antd';
import dayjs from 'dayjs';
import type { Unit } from '../../api/client.ts';
import { UnitTreeSelect } from '../../components/units.tsx';
import type { Draft } from './types.ts';
import { DATE_FORMAT, isoDay } from '../../components/inputs.ts';

type Header = Draft['header'];
export interface PlanChoice { ownerUnitId?: string; periodStart: string; periodEnd: string }

interface Props {
  header: Header; onHeader: (patch: Partial<Header>) => void;
  plan: PlanChoice; onPlan: (patch: Partial<PlanChoice>) => void;
  units: Unit[]; errors: Record<string, string>;
}


export default function HeaderCard({ header: h, onHeader, plan, onPlan, units, errors }: Props) {
  const item = (key: string) => (errors[key] ? { validateStatus: 'error' as const, help: errors[key] } : {});
  const str = (v: string) => (v.trim() ? v : null);
  return (
    <Card title="Thông tin kế hoạch" size="small" style={{ marginBottom: 16 }}>
      <Form layout="vertical" component="div">
        <Form.Item label="Tên (trích yếu) kế hoạch" htmlFor="imp-title" required {...item('draft.header.title')}>
          <Input.TextArea id="imp-title" autoSize={{ minRows: 2, maxRows: 5 }} value={h.title} onChange={(e) => onHeader({ title: e.target.value })} />
        </Form.Item>
        <div className="kh-form-grid">
          <Form.Item label="Cơ quan ban hành" htmlFor="imp-issuer" {...item('draft.header.issuer')}>
            <Input id="imp-issuer" value={h.issuer ?? ''} onChange={(e) => onHeader({ issuer: str(e.target.value) })} placeholder="Ví dụ: SỞ Y TẾ" />
          </Form.Item>
          <Form.Item label="Số, ký hiệu" htmlFor="imp-number" extra={h.number && !/^\d/.test(h.number) ? 'Văn bản chưa có số: kế hoạch được tạo ở dạng dự thảo chưa có số.' : undefined}
            {...item('draft.header.number')}>
            <Input id="imp-number" value={h.number ?? ''} onChange={(e) => onHeader({ number: str(e.target.value) })} placeholder="Ví dụ: 3764/KH-SYT" />
          </Form.Item>
          <Form.Item label="Ngày ban hành" htmlFor="imp-date" extra={!h.date && h.dateText ? `Văn bản ghi: “${h.dateText}”` : undefined} {...item('draft.header.date')}>
            <DatePicker id="imp-date" format={DATE_FORMAT} placeholder="dd/mm/yyyy" style={{ width: '100%' }}
              value={h.date ? dayjs(h.date) : null} onChange={(d) => onHeader({ date: isoDay(d) })} />
          </Form.Item>
          <Form.Item label="Thay thế kế hoạch" htmlFor="imp-replaces" {...item('draft.header.replaces')}>
            <Input.TextArea id="imp-replaces" autoSize={{ minRows: 1, maxRows: 4 }} value={h.replaces ?? ''} onChange={(e) => onHeader({ replaces: str(e.target.value) })} />
          </Form.Item>
          <Form.Item label="Người ký" htmlFor="imp-signer" {...item('draft.header.signer')}>
            <Input id="imp-signer" value={h.signer ?? ''} onChange={(e) => onHeader({ signer: str(e.target.value) })} />
          </Form.Item>
          <Form.Item label="Chức vụ người ký" htmlFor="imp-signer-title" {...item('draft.header.signerTitle')}>
            <Input id="imp-signer-title" value={h.signerTitle ?? ''} onChange={(e) => onHeader({ signerTitle: str(e.target.value) })} />
          </Form.Item>
        </div>
        <Form.Item label="Căn cứ ban hành" htmlFor="imp-bases" extra="Mỗi căn cứ một dòng." {...item('draft.header.legalBases')}>
          <Input.TextArea id="imp-bases" autoSize={{ minRows: 2, maxRows: 4 }} value={h.legalBases.join('\n')}
            onChange={(e) => onHeader({ legalBases: e.target.value.split('\n') })} />
        </Form.Item>
        <div className="kh-form-grid">
          <Form.Item label="Đơn vị chủ quản (theo dõi kế hoạch)" htmlFor="imp-owner" required {...item('plan.ownerUnitId')}>
            <UnitTreeSelect id="imp-owner" units={units} selectable={(u) => u.can.managePlans && u.active} value={plan.ownerUnitId}
              onChange={(v) => onPlan({ ownerUnitId: v as string })} />
          </Form.Item>
          <Form.Item label="Từ ngày" htmlFor="imp-start" required {...item('plan.periodStart')}>
            <DatePicker id="imp-start" format={DATE_FORMAT} placeholder="dd/mm/yyyy" style={{ width: '100%' }} allowClear={false}
              value={dayjs(plan.periodStart)} onChange={(d) => d && onPlan({ periodStart: isoDay(d)! })} />
          </Form.Item>
          <Form.Item label="Đến ngày" htmlFor="imp-end" required {...item('plan.periodEnd')}>
            <DatePicker id="imp-end" format={DATE_FORMAT} placeholder="dd/mm/yyyy" style={{ width: '100%' }} allowClear={false}
              value={dayjs(plan.periodEnd)} onChange={(d) => d && onPlan({ periodEnd: isoDay(d)! })} />
          </Form.Item>
        </div>
      </Form>
    </Card>
  );
}
