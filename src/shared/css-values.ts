/**
 * CSS values the configuration may put into pages (accent colours, font
 * lists). They are written into a `<style>` element, so only forms that cannot
 * end a declaration, a rule or the element are accepted: no `;`, braces, `<`,
 * backslashes, nested parentheses or unbalanced quotes.
 */

/** CSS Color 4 named colours, plus `transparent` and `currentcolor`. */
const namedColours = new Set(
  (
    'aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet brown burlywood cadetblue ' +
    'chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue darkcyan darkgoldenrod darkgray darkgreen darkgrey ' +
    'darkkhaki darkmagenta darkolivegreen darkorange darkorchid darkred darksalmon darkseagreen darkslateblue darkslategray ' +
    'darkslategrey darkturquoise darkviolet deeppink deepskyblue dimgray dimgrey dodgerblue firebrick floralwhite forestgreen ' +
    'fuchsia gainsboro ghostwhite gold goldenrod gray green greenyellow grey honeydew hotpink indianred indigo ivory khaki ' +
    'lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan lightgoldenrodyellow lightgray lightgreen ' +
    'lightgrey lightpink lightsalmon lightseagreen lightskyblue lightslategray lightslategrey lightsteelblue lightyellow lime ' +
    'limegreen linen magenta maroon mediumaquamarine mediumblue mediumorchid mediumpurple mediumseagreen mediumslateblue ' +
    'mediumspringgreen mediumturquoise mediumvioletred midnightblue mintcream mistyrose moccasin navajowhite navy oldlace olive ' +
    'olivedrab orange orangered orchid palegoldenrod palegreen paleturquoise palevioletred papayawhip peachpuff peru pink plum ' +
    'powderblue purple rebeccapurple red rosybrown royalblue saddlebrown salmon sandybrown seagreen seashell sienna silver ' +
    'skyblue slateblue slategray slategrey snow springgreen steelblue tan teal thistle tomato turquoise violet wheat white ' +
    'whitesmoke yellow yellowgreen transparent currentcolor'
  ).split(' '),
);

const hex = /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
// One level of parentheses holding numbers, units, percentages, `none`, commas and slashes.
const colourFunction = /^(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch)\(\s*[-+0-9.%a-z\s,/]*\)$/i;

/** Whether `value` is a CSS colour: `#hex`, a named colour, or `rgb()`/`hsl()`/`hwb()`/`lab()`/`lch()`/`oklab()`/`oklch()`. */
export function isCssColour(value: string): boolean {
  const v = value.trim();
  return hex.test(v) || namedColours.has(v.toLowerCase()) || colourFunction.test(v);
}

// A family is a quoted name without quotes, backslashes or markup inside, or unquoted words.
const family = /^(?:"[^"\\<>;{}\n]+"|'[^'\\<>;{}\n]+'|[A-Za-z_-][A-Za-z0-9 _-]*)$/;

/** Whether `value` is a CSS font-family list: `Inter, "Helvetica Neue", sans-serif`. */
export function isFontFamilyList(value: string): boolean {
  const parts = value.split(',').map((p) => p.trim());
  return parts.length > 0 && parts.every((p) => family.test(p));
}
