import { TextDocument } from 'vscode-languageserver-textdocument';

export function documentOf(text: string, uri = 'file:///work/policy.iam.json', languageId = 'iam-policy'): TextDocument {
  return TextDocument.create(uri, languageId, 1, text);
}
