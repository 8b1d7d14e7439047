// ESLint for the site's own JavaScript (overrides/assets/): ES modules that share what they
// need by import and export, never through the window object. Leaflet, a classic script,
// is the one global they read (L). tests/test_javascript.py runs it; so can a developer:
// node_modules/.bin/eslint
import js from "@eslint/js";
import globals from "globals";

// The global object under each of its names: a module that reads or writes a property of
// it shares state behind the imports' back (and a page's element ids shadow such names).
const GLOBAL_OBJECT = ["window", "self", "globalThis", "frames", "parent", "top"].map((name) => ({
  name,
  message: "Share through import/export; read a browser global by its own name (matchMedia, not window.matchMedia).",
}));
// Browser globals a forgotten declaration silently falls back to.
const CONFUSING = ["event", "name", "status", "length", "origin", "closed"].map((name) => ({
  name,
  message: `The page's global ${name}: declare a variable of your own.`,
}));

export default [
  // Nothing else in the checkout is ours to lint (the virtualenv's packages, the built site).
  {ignores: ["**/*", "!overrides/", "!overrides/assets/", "!overrides/assets/**/*.js", "overrides/assets/vendor/",
             "!eslint.config.js"]},
  {
    files: ["overrides/assets/**/*.js"],
    ...js.configs.recommended,
    languageOptions: {
      ecmaVersion: "latest",
      sourceType: "module",
      globals: {...globals.browser, L: "readonly"},
    },
    linterOptions: {reportUnusedDisableDirectives: "error"},
    rules: {
      ...js.configs.recommended.rules,
      "no-var": "error",
      "prefer-const": "error",
      "no-implicit-globals": "error",
      "no-restricted-globals": ["error", ...GLOBAL_OBJECT, ...CONFUSING],
      "no-restricted-properties": ["error",
        {object: "document", property: "defaultView", message: "The window object under another name."}],
      "no-restricted-syntax": ["error", {
        selector: "AssignmentExpression > MemberExpression.left[object.name=/^(window|self|globalThis|frames|parent|top)$/]",
        message: "No assignment to the window object: export what another module needs.",
      }],
      "no-undef": "error",
      "eqeqeq": "error",
    },
  },
  {
    files: ["eslint.config.js"],
    languageOptions: {ecmaVersion: "latest", sourceType: "module"},
    rules: js.configs.recommended.rules,
  },
];
