// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useSimStore } from '../../store/sim-store';
import { Header } from './Header';
import { useHelpStore } from './help-store';
import { ShortcutHelp } from './ShortcutHelp';

afterEach(cleanup);

beforeEach(() => {
  localStorage.clear();
  useSimStore.setState({ lang: 'ko' });
  useHelpStore.setState({ open: false });
});

describe('Header', () => {
  it('switches the language, marks the choice and remembers it', async () => {
    const user = userEvent.setup();
    render(<Header />);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Raft 교실');
    expect(screen.getByRole('button', { name: '한국어' })).toHaveAttribute('aria-pressed', 'true');

    await user.click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Raft Classroom');
    expect(screen.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: '한국어' })).toHaveAttribute('aria-pressed', 'false');
    expect(localStorage.getItem('raft-classroom.lang')).toBe('en');
    expect(document.documentElement.lang).toBe('en');

    await user.click(screen.getByRole('button', { name: '한국어' }));
    expect(screen.getByRole('button', { name: '단축키' })).toBeInTheDocument();
    expect(localStorage.getItem('raft-classroom.lang')).toBe('ko');
  });

  it('opens the shortcut help from its button', async () => {
    const user = userEvent.setup();
    useSimStore.setState({ lang: 'en' });
    render(
      <>
        <Header />
        <ShortcutHelp />
      </>,
    );
    await user.click(screen.getByRole('button', { name: 'Keyboard shortcuts' }));
    expect(useHelpStore.getState().open).toBe(true);
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(dialog).toHaveTextContent('Play or pause');
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(useHelpStore.getState().open).toBe(false);
  });
});
