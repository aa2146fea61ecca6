/** Small inline icons (16 px, currentColor). Decorative: the buttons around them carry the names. */
const paths = {
  copy: 'M5 2h7a2 2 0 0 1 2 2v7h-1.5V4a.5.5 0 0 0-.5-.5H5V2Zm-2 3h7a1 1 0 0 1 1 1v8a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1Zm.5 1.5v7h6v-7h-6Z',
  tag: 'M2 2h5.6l6.4 6.4-5.6 5.6L2 7.6V2Zm3 2a1 1 0 1 0 0 2 1 1 0 0 0 0-2Z',
  pin: 'M9.8 1.5 14.5 6.2l-1.1 1.1-.9-.4-2.4 2.4.3 2.6-1.1 1.1-2.7-2.7L3 14h-.9v-.9l3.7-3.7-2.7-2.7 1.1-1.1 2.6.3 2.4-2.4-.4-.9 1-1.1Z',
  more: 'M3 7a1.25 1.25 0 1 1 0 2.5A1.25 1.25 0 0 1 3 7Zm5 0a1.25 1.25 0 1 1 0 2.5A1.25 1.25 0 0 1 8 7Zm5 0a1.25 1.25 0 1 1 0 2.5A1.25 1.25 0 0 1 13 7Z',
  plus: 'M7.25 2h1.5v5.25H14v1.5H8.75V14h-1.5V8.75H2v-1.5h5.25V2Z',
  sync: 'M8 2.5a5.5 5.5 0 0 1 5.2 3.7H11V7.7h4.2V3.5h-1.5v1.4A7 7 0 0 0 1 8h1.5A5.5 5.5 0 0 1 8 2.5Zm5.5 5.5A5.5 5.5 0 0 1 2.8 9.8H5V8.3H.8v4.2h1.5v-1.4A7 7 0 0 0 15 8h-1.5Z',
  gear: 'M6.6 1h2.8l.4 1.8 1.2.7 1.7-.6 1.4 2.4-1.3 1.2v1.4l1.3 1.2-1.4 2.4-1.7-.6-1.2.7-.4 1.8H6.6l-.4-1.8-1.2-.7-1.7.6-1.4-2.4 1.3-1.2V7.5L1.9 6.3l1.4-2.4 1.7.6 1.2-.7.4-1.8ZM8 5.5a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5Z',
  key: 'M10.5 1a4.5 4.5 0 0 0-4.3 6L1 12.2V15h2.8l.7-.7V13h1.3l.7-.7V11h1.3l1.2-1.2A4.5 4.5 0 1 0 10.5 1Zm1.3 4.5a1.3 1.3 0 1 1 0-2.5 1.3 1.3 0 0 1 0 2.5Z',
  close: 'M3.5 2.4 8 6.9l4.5-4.5 1.1 1.1L9.1 8l4.5 4.5-1.1 1.1L8 9.1l-4.5 4.5-1.1-1.1L6.9 8 2.4 3.5l1.1-1.1Z',
} as const;

export type IconName = keyof typeof paths;

export function Icon({ name }: { name: IconName }) {
  return (
    <svg className="icon" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path fill="currentColor" d={paths[name]} />
    </svg>
  );
}
