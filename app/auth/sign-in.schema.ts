import { z } from "zod";

export const signInSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, { message: "Enter your email address" })
    .pipe(z.email({ message: "Enter a valid email address" })),
  password: z.string().min(1, { message: "Enter your password" }).max(1024, { message: "Password is too long" }),
  redirectTo: z.string().optional(),
});
export type SignInValues = z.infer<typeof signInSchema>;
