// Evidence files for a progress update or an indicator value: uploaded as chosen, sent later by their ids.
import { App, Button, Upload, type UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { upload } from '../api/client.ts';
import type { StoredFile } from '../api/plans.ts';

export const EVIDENCE_MAX_MB = 20;
const ACCEPT = '.pdf,.doc,.docx,.xls,.xlsx,.odt,.ods,.pptx,.png,.jpg,.jpeg';

/** The ids of the files that finished uploading, and whether any is still on its way. */
export const uploadedIds = (files: UploadFile<StoredFile>[]) => files.filter((f) => f.status === 'done' && f.response).map((f) => f.response!.id);
export const stillUploading = (files: UploadFile<StoredFile>[]) => files.some((f) => f.status === 'uploading');

export default function EvidenceUpload({ files, onChange }: { files: UploadFile<StoredFile>[]; onChange: (files: UploadFile<StoredFile>[]) => void }) {
  const { message } = App.useApp();
  return (
    <Upload<StoredFile>
      accept={ACCEPT} multiple fileList={files}
      onChange={({ fileList }) => onChange(fileList)}
      beforeUpload={(f) => {
        if (f.size > EVIDENCE_MAX_MB * 1048576) { message.error(`Tệp “${f.name}” lớn hơn ${EVIDENCE_MAX_MB} MB.`); return Upload.LIST_IGNORE; }
        return true;
      }}
      customRequest={async ({ file, onSuccess, onError }) => {
        try {
          onSuccess?.((await upload<{ items: StoredFile[] }>('/api/files', [file as File])).items[0]);
        } catch (err) {
          message.error((err as Error).message);
          onError?.(err as Error);
        }
      }}
    >
      <Button icon={<UploadOutlined />} style={{ marginTop: 4 }}>Chọn tệp</Button>
    </Upload>
  );
}

/** EvidenceUpload as a form field: Form.Item (valuePropName="files") hands it the list and takes the changes. */
export function FilesField({ files, onChange }: { files?: UploadFile<StoredFile>[]; onChange?: (files: UploadFile<StoredFile>[]) => void }) {
  return <EvidenceUpload files={files ?? []} onChange={(f) => onChange?.(f)} />;
}
