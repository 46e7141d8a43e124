/** Languages whose documents may hold policies only inside infrastructure code (templates, Terraform, CDK code). */
export const hostLanguages: readonly string[] = ['yaml', 'terraform', 'typescript', 'typescriptreact', 'javascript', 'javascriptreact', 'python'];
