/** Small pieces of wording and Markdown that completion and hover share. */
import { formatCount } from '../../../shared/formatCount';
import type { Service } from '../catalog/types';

/** Inline code that survives backticks in the text. */
export function code(text: string): string {
  return text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``;
}

export function plural(count: number, noun: string): string {
  return `${formatCount(count)} ${noun}${count === 1 ? '' : 's'}`;
}


/**
 * The service's page in the Service Authorization Reference. Page names are the service name in lower case with
 * everything but letters and digits removed (`Amazon S3` -> list_amazons3.html), which holds for the names the data
 * package carries.
 */
export function serviceReferenceLink(service: Service): string {
  const page = service.name.toLowerCase().replace(/[^a-z0-9]/g, '');
  return `[${service.name} in the Service Authorization Reference](https://docs.aws.amazon.com/service-authorization/latest/reference/list_${page}.html)`;
}
