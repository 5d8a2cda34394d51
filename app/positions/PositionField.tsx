import type { UseFormRegisterReturn } from "react-hook-form";
import { Field } from "~/ui/form";

type Props = {
  positions: { id: string; title: string; team: string }[];
  register: UseFormRegisterReturn;
  error?: { message?: string };
};

// The open positions a candidate can be added to, named with their team.
export function PositionField({ positions, register, error }: Props) {
  return (
    <Field id="positionId" label="Position" error={error}>
      {(aria) => (
        <select {...aria} {...register}>
          <option value="">Choose a position…</option>
          {positions.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title} ({p.team})
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
