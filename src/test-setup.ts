// Adds DOM matchers (toBeInTheDocument, …) for component tests that run under jsdom.
import '@testing-library/jest-dom/vitest';
