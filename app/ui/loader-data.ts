import type { useLoaderData } from "@remix-run/react";

// What a page's component receives from `useLoaderData<typeof loader>`, for the components it hands
// parts of that data to: inferred from the loader, so a change there reaches every reader.
export type LoaderData<Loader> = ReturnType<typeof useLoaderData<Loader>>;
