// @carbon/colors 11.x ships a lib/index.d.ts that re-exports '../js/generated/colors.js', a file
// the published package does not contain, so TypeScript sees no exports. This declares the few
// palette values zlens uses (they are plain hex strings at runtime).
declare module '@carbon/colors' {
  export const purple70: string;
  export const cyan50: string;
  export const teal70: string;
  export const magenta70: string;
  export const purple10: string;
  export const purple30: string;
  export const purple50: string;
  export const purple90: string;
}
