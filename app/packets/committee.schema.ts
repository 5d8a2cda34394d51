import { z } from "zod";
import { listOf } from "~/ui/form-fields";

export const committeeSchema = z.object({
  memberIds: listOf(z.uuid({ error: "Choose people from the list" })),
});
export type CommitteeInput = z.input<typeof committeeSchema>;
