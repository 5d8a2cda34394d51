import { useEffect, useRef } from "react";

// Moves focus to an element that the next render creates (an undo button, a new question's field).
export function useFocusAfterRender() {
  const target = useRef<string | null>(null);
  useEffect(() => {
    if (!target.current) return;
    document.getElementById(target.current)?.focus();
    target.current = null;
  });
  return (id: string) => {
    target.current = id;
  };
}
