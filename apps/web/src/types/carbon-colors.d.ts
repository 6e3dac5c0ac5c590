// @carbon/colors 11.x ships a lib/index.d.ts that re-exports '../js/generated/colors.js', a file
// the published package does not contain, so TypeScript sees no exports. This declares the few
// palette values zlens uses (they are plain hex strings at runtime).
declare module '@carbon/colors' {
  export const purple70: string;
  export const gray50: string;
  export const cyan50: string;
  export const teal70: string;
  export const magenta70: string;
  export const purple10: string;
  export const purple30: string;
  export const purple50: string;
  export const purple90: string;
  export const red50: string;
  export const red90: string;
  export const green60: string;
  export const blue80: string;
  export const magenta50: string;
  export const yellow50: string;
  export const teal50: string;
  export const cyan90: string;
  export const orange70: string;
  export const purple60: string;
  export const cyan40: string;
  export const teal60: string;
  export const magenta40: string;
  export const red10: string;
  export const green30: string;
  export const blue50: string;
  export const magenta20: string;
  export const yellow30: string;
  export const teal40: string;
  export const cyan20: string;
  export const orange40: string;
}
