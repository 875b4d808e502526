import type { TemplateRecord, TemplateVersionRecord } from '@casework/database';
import type { TemplateDto, TemplateVersionDto } from './dto/template.dto.js';

export function toTemplateDto(template: TemplateRecord): TemplateDto {
  return {
    id: template.id,
    key: template.key,
    locale: template.locale,
    kind: template.kind,
    queueId: template.queueId,
    version: template.version,
    subject: template.subject,
    text: template.text,
    html: template.html,
    createdAt: template.createdAt.toISOString(),
    updatedAt: template.updatedAt.toISOString(),
    updatedBy: template.updatedBy,
  };
}

export function toTemplateVersionDto(version: TemplateVersionRecord): TemplateVersionDto {
  return { version: version.version, subject: version.subject, text: version.text, html: version.html, createdBy: version.createdBy, createdAt: version.createdAt.toISOString() };
}
