// .storybook/preview.ts imports custom-elements.json, which `npm run manifest` (part of the build) writes and
// git ignores. The story check brings preview.ts into tsc's program, and tsc runs before the build in
// `npm test`: on a fresh checkout the import finds no file and takes this type; once built, the file's own.
declare module '*/custom-elements.json' {
  const manifest: unknown;
  export default manifest;
}
