// Builds portal/static/css/portal.css from frontend/portal.scss (KERN SCSS sources + the
// portal's own rules) at `make install` time. The built file is not committed (.gitignore).
//
// After Sass, four passes make KERN's output fit the portal (docs/design.md):
//   1. light theme only: dark-scheme tokens and the layer levels the portal never uses go;
//   2. logical properties: every left/right property becomes its inline-start/-end form, so
//      dir="rtl" (Arabic, Farsi) mirrors the layout without a second stylesheet;
//   3. KERN's component selectors that name a kern-* class no template uses go (the portal
//      applies KERN's components to its own elements with @extend, frontend/_kern.scss);
//   4. tree-shaking of custom properties: only the --kern-* tokens some rule reads (directly or
//      through other tokens) stay; KERN defines ~700, the portal reads a few dozen.
// The result is minified by Sass. The build fails if a physical left/right property remains.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const source = join(root, "frontend", "portal.scss");
const target = process.argv[2] || join(root, "portal", "static", "css", "portal.css");

// --- a minimal CSS tree: {selector|at, decls: [[prop, value]], children: []} ---------------
function parse(css) {
  let i = 0;
  function block() {
    const nodes = [];
    let buffer = "";
    while (i < css.length) {
      const c = css[i];
      if (c === "/" && css[i + 1] === "*") {
        const end = css.indexOf("*/", i + 2);
        i = end < 0 ? css.length : end + 2;
      } else if (c === '"' || c === "'") {
        let j = i + 1;
        while (j < css.length && css[j] !== c) j += css[j] === "\\" ? 2 : 1;
        buffer += css.slice(i, j + 1);
        i = j + 1;
      } else if (c === "(") {
        let depth = 0, j = i;
        for (; j < css.length; j++) {
          if (css[j] === "(") depth++;
          else if (css[j] === ")" && --depth === 0) break;
        }
        buffer += css.slice(i, j + 1);
        i = j + 1;
      } else if (c === "{") {
        i++;
        const head = buffer.trim();
        buffer = "";
        const inner = block();
        nodes.push({ head, ...inner });
      } else if (c === "}") {
        i++;
        pushDecl(nodes, buffer);
        return split(nodes);
      } else if (c === ";") {
        i++;
        pushDecl(nodes, buffer);
        buffer = "";
      } else {
        buffer += c;
        i++;
      }
    }
    pushDecl(nodes, buffer);
    return split(nodes);
  }
  function pushDecl(nodes, text) {
    const t = text.trim();
    if (!t) return;
    if (t.startsWith("@")) nodes.push({ statement: t });
    else {
      const colon = t.indexOf(":");
      nodes.push({ decl: [t.slice(0, colon).trim(), t.slice(colon + 1).trim()] });
    }
  }
  function split(nodes) {
    return { children: nodes };
  }
  return block().children;
}

function serialize(nodes) {
  return nodes
    .map((n) => {
      if (n.statement) return n.statement + ";";
      if (n.decl) return `${n.decl[0]}:${n.decl[1]};`;
      const body = serialize(n.children);
      return body ? `${n.head}{${body}}` : "";
    })
    .join("");
}

function splitTop(value, separator) {
  const parts = [];
  let depth = 0, current = "";
  for (const c of value) {
    if (c === "(") depth++;
    if (c === ")") depth--;
    if (depth === 0 && (separator === " " ? /\s/.test(c) : c === separator)) {
      if (current.trim()) parts.push(current.trim());
      current = "";
    } else current += c;
  }
  if (current.trim()) parts.push(current.trim());
  return parts;
}

// --- pass 1: light theme only ---------------------------------------------------------------
const DROP_SELECTOR = /kern-dark|data-kern-theme="?dark|kern-level-[1-9]|kern-accent/;
function lightOnly(nodes) {
  return nodes.flatMap((n) => {
    if (!n.children || n.decl) return [n];
    if (n.head.startsWith("@media") && /prefers-color-scheme/.test(n.head)) return [];
    if (n.head.startsWith("@")) return [{ ...n, children: lightOnly(n.children) }];
    const selectors = splitTop(n.head, ",").filter((s) => !DROP_SELECTOR.test(s));
    if (!selectors.length) return [];
    return [{ ...n, head: selectors.join(","), children: lightOnly(n.children) }];
  });
}

// --- pass 2: logical properties -----------------------------------------------------------
const RENAME = {
  "margin-left": "margin-inline-start", "margin-right": "margin-inline-end",
  "padding-left": "padding-inline-start", "padding-right": "padding-inline-end",
  "border-left": "border-inline-start", "border-right": "border-inline-end",
  "border-left-width": "border-inline-start-width", "border-right-width": "border-inline-end-width",
  "border-left-color": "border-inline-start-color", "border-right-color": "border-inline-end-color",
  "border-left-style": "border-inline-start-style", "border-right-style": "border-inline-end-style",
  "border-top-left-radius": "border-start-start-radius", "border-top-right-radius": "border-start-end-radius",
  "border-bottom-left-radius": "border-end-start-radius", "border-bottom-right-radius": "border-end-end-radius",
  left: "inset-inline-start", right: "inset-inline-end",
  width: "inline-size", height: "block-size",
  "min-width": "min-inline-size", "max-width": "max-inline-size",
  "min-height": "min-block-size", "max-height": "max-block-size",
};
const SIDE_VALUE = { left: "start", right: "end" };
const FLOAT_VALUE = { left: "inline-start", right: "inline-end" };
function logical([prop, value]) {
  const important = value.endsWith("!important") ? " !important" : "";
  const bare = important ? value.slice(0, -10).trim() : value;
  if (prop.startsWith("--")) return [[prop, value]];
  if (RENAME[prop]) return [[RENAME[prop], value]];
  if (prop === "text-align" && SIDE_VALUE[bare]) return [[prop, SIDE_VALUE[bare] + important]];
  if ((prop === "float" || prop === "clear") && FLOAT_VALUE[bare])
    return [[prop, FLOAT_VALUE[bare] + important]];
  if (prop === "margin" || prop === "padding" || prop === "inset") {
    const v = splitTop(bare, " ");
    if (v.length === 4 && v[1] !== v[3]) {
      const name = prop === "inset" ? "inset" : prop;
      return [
        [`${name}-block`, `${v[0]} ${v[2]}${important}`],
        [`${name}-inline`, `${v[3]} ${v[1]}${important}`],
      ];
    }
  }
  if (prop === "border-radius") {
    const v = splitTop(bare, " ");
    if (v.length === 4 && !bare.includes("/") && (v[0] !== v[1] || v[2] !== v[3])) {
      return [
        ["border-start-start-radius", v[0] + important], ["border-start-end-radius", v[1] + important],
        ["border-end-end-radius", v[2] + important], ["border-end-start-radius", v[3] + important],
      ];
    }
  }
  return [[prop, value]];
}
function logicalTree(nodes) {
  return nodes.flatMap((n) =>
    n.decl ? logical(n.decl).map((decl) => ({ decl })) : n.children ? [{ ...n, children: logicalTree(n.children) }] : [n],
  );
}

// --- pass 3: KERN selectors no template uses ----------------------------------------------
// frontend/_kern.scss applies KERN's components to the portal's own elements with @extend;
// Sass keeps KERN's class selectors beside them. A selector that names a kern-* class that no
// template (templates/**/*.html) or Python module of the apps writes is dropped, so only the
// rules that reach the portal's HTML stay. A class written with a template variable after it
// ("kern-badge--{{ kind }}") keeps every class with that prefix.
const APP_DIRS = ["templates", "portal", "home", "services_directory", "groups"];
function kernClasses() {
  const exact = new Set();
  const prefixes = [];
  const visit = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "migrations" && !entry.name.startsWith(".")) visit(path);
      } else if (/\.(html|py)$/.test(entry.name)) {
        for (const m of readFileSync(path, "utf8").matchAll(/kern-[\w-]*(\{\{)?/g)) {
          const name = m[0].replace("{{", "");
          if (m[1] || name.endsWith("-")) prefixes.push(name);
          else exact.add(name);
        }
      }
    }
  };
  for (const dir of APP_DIRS) visit(join(root, dir));
  return (name) => exact.has(name) || prefixes.some((prefix) => name.startsWith(prefix));
}
function dropUnusedKern(nodes, isUsed) {
  return nodes.flatMap((n) => {
    if (!n.children || n.decl) return [n];
    if (n.head.startsWith("@")) return [{ ...n, children: dropUnusedKern(n.children, isUsed) }];
    const selectors = splitTop(n.head, ",").filter((selector) =>
      [...selector.matchAll(/\.(kern-[\w-]+)/g)].every((m) => isUsed(m[1])),
    );
    if (!selectors.length) return [];
    return [{ ...n, head: selectors.join(","), children: dropUnusedKern(n.children, isUsed) }];
  });
}

// --- pass 4: tree-shake custom properties ---------------------------------------------------
function walkDecls(nodes, visit) {
  for (const n of nodes) {
    if (n.decl) visit(n.decl);
    else if (n.children) walkDecls(n.children, visit);
  }
}
function usedTokens(nodes) {
  const defs = new Map();
  const used = new Set();
  const queue = [];
  const refs = (value) => [...value.matchAll(/var\(\s*(--[\w-]+)/g)].map((m) => m[1]);
  walkDecls(nodes, ([prop, value]) => {
    if (prop.startsWith("--")) defs.set(prop, [...(defs.get(prop) || []), value]);
    else queue.push(...refs(value));
  });
  while (queue.length) {
    const name = queue.pop();
    if (used.has(name)) continue;
    used.add(name);
    for (const value of defs.get(name) || []) queue.push(...refs(value));
  }
  return used;
}
function shake(nodes, used) {
  return nodes.flatMap((n) => {
    if (n.decl) return n.decl[0].startsWith("--") && !used.has(n.decl[0]) ? [] : [n];
    return n.children ? [{ ...n, children: shake(n.children, used) }] : [n];
  });
}

// --- build ----------------------------------------------------------------------------------
const compiled = sass.compile(source, {
  loadPaths: [join(root, "node_modules")],
  style: "expanded",
  quietDeps: true,
  silenceDeprecations: ["if-function", "import", "global-builtin"],
});
let tree = dropUnusedKern(logicalTree(lightOnly(parse(compiled.css))), kernClasses());
tree = shake(tree, usedTokens(tree));
const css = sass.compileString(serialize(tree), { syntax: "css", style: "compressed" }).css;

const physical = css.match(/[{;](margin|padding|border)-(left|right)[:-]|[{;](left|right):|text-align:(left|right)|float:(left|right)/g);
if (physical) {
  console.error(`frontend/build.mjs: physical left/right properties left: ${[...new Set(physical)].join(" ")}`);
  process.exit(1);
}
mkdirSync(dirname(target), { recursive: true });
const banner = "@charset \"UTF-8\";/* KIM Portal, built by frontend/build.mjs from frontend/portal.scss. KERN (@kern-ux/native, EUPL-1.2) tokens and components, logical properties. Do not edit. */\n";
writeFileSync(target, banner + css.replace(/^\uFEFF/, "") + "\n");
console.log(`${target}: ${css.length} bytes`);
