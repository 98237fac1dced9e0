// Adds DOM matchers (toBeInTheDocument, …) for component tests that run under jsdom.
import '@testing-library/jest-dom/vitest';
import { configure } from '@testing-library/react';

// findBy…/waitFor give up after 1 s by default, which a loaded CI machine can exceed while
// a component renders a long log; what they wait for is still asserted, only more patiently.
configure({ asyncUtilTimeout: 5_000 });
