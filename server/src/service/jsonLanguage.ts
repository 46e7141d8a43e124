/**
 * The vscode-json-languageservice instance that gives element completion, element hover and formatting from our
 * policy schema. Schema validation stays off: rules own every diagnostic, with ids and docs.
 */
import { getLanguageService, type JSONSchema, type LanguageService } from 'vscode-json-languageservice';
import policySchema from '../../../schemas/iam-policy.schema.json';

export const policySchemaUri = 'iam-policy://schemas/iam-policy.schema.json';

let instance: LanguageService | undefined;

export function jsonLanguage(): LanguageService {
  if (!instance) {
    instance = getLanguageService({
      // Nothing is ever fetched: the only schema is bundled, and any other request fails fast.
      schemaRequestService: (uri) => Promise.reject(new Error(`schema ${uri} is not available offline`)),
    });
    instance.configure({
      validate: false,
      allowComments: false,
      schemas: [{ uri: policySchemaUri, fileMatch: ['*'], schema: policySchema as unknown as JSONSchema }],
    });
  }
  return instance;
}
