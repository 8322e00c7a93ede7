'use client';

import { useState } from 'react';

export function Header() {
  const [open, setOpen] = useState(false);
  return (
    <header>
      <button onClick={() => setOpen(!open)}>Menu</button>
      {open ? <nav>Storyteller</nav> : null}
    </header>
  );
}
