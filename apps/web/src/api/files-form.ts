/** Files as the gateway's multipart endpoints take them: each one under `files`, plus plain text fields. */
export function filesForm(files: File[], fields: Record<string, string> = {}): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const file of files) form.append('files', file);
  return form;
}
