import { storable } from "~/ui/form.server";

// A posted form as a plain object; a key posted more than once (a checkbox group) becomes an
// array, and an uploaded file stays a File.
export async function readForm(request: Request): Promise<Record<string, FormDataEntryValue | FormDataEntryValue[]>> {
  const form = await request.formData();
  const values: Record<string, FormDataEntryValue | FormDataEntryValue[]> = {};
  for (const key of new Set(form.keys())) {
    const all = form.getAll(key);
    values[key] = storable(all.length > 1 ? all : all[0]);
  }
  return values;
}
