import { createContext, useContext } from "react";

// The per-request CSP nonce, so Remix's own inline scripts are allowed and nothing else is.
export const NonceContext = createContext<string | undefined>(undefined);
export const useNonce = () => useContext(NonceContext);
