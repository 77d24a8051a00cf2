// @ts-check
import js from "@eslint/js";
import importX, { createNodeResolver } from "eslint-plugin-import-x";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

/** The architecture's doors: each folder lists the src/ folders it must not import. */
const doors = {
  core: [
    "engine",
    "db",
    "workers",
    "stores",
    "features",
    "components",
    "lib",
    "app",
    "cli",
    "testing",
  ],
  engine: ["db", "workers", "stores", "features", "components", "lib", "app", "cli"],
  db: ["engine", "workers", "stores", "features", "components", "lib", "app", "cli"],
  // Workers may use lib (pure browser adapters such as zipping), never db, UI or engines.
  workers: ["engine", "db", "stores", "features", "components", "app", "cli"],
  stores: ["engine", "db", "workers", "features", "components", "lib", "app", "cli"],
  components: ["engine", "db", "workers", "stores", "features", "lib", "app", "cli"],
  lib: ["engine", "db", "workers", "stores", "features", "components", "app", "cli"],
  features: ["app", "cli"],
  cli: ["db", "workers", "stores", "features", "components", "lib", "app", "engine/webllm"],
};

/** @param {boolean} forTests tests may also use the shared factories in src/testing */
const zonesFor = (forTests) =>
  Object.entries(doors).flatMap(([target, from]) =>
    from
      .filter((f) => !(forTests && f === "testing"))
      .map((f) => ({ target: `./src/${target}`, from: `./src/${f}` })),
  );
const zones = zonesFor(false);
// A feature never imports another feature.
/** @type {{ target: string, from: string | string[] }[]} */
const featureZones = [];
const features = ["models", "documents", "synthesize", "curate", "export", "help", "insights"];
for (const f of features) {
  featureZones.push({
    target: `./src/features/${f}`,
    from: features.filter((g) => g !== f).map((g) => `./src/features/${g}`),
  });
}

export default tseslint.config(
  {
    ignores: [
      "dist",
      "src/cli/dist",
      "node_modules",
      "test-results",
      "playwright-report",
      "**/*.cjs",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    plugins: { "import-x": importX, "react-hooks": reactHooks, "jsx-a11y": jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "import-x/no-restricted-paths": ["error", { zones: [...zones, ...featureZones] }],
      "import-x/no-cycle": "error",
    },
    settings: {
      "import-x/resolver-next": [
        createNodeResolver({ extensions: [".ts", ".tsx", ".js", ".mjs"] }),
      ],
    },
  },
  {
    files: ["src/core/**/*.ts"],
    ignores: ["src/core/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: ["react*", "dexie*", "@mlc-ai/*", "node:*", "fs", "path"] },
      ],
    },
  },
  {
    files: ["src/**/*.test.ts", "src/**/*.test.tsx"],
    rules: {
      "import-x/no-restricted-paths": ["error", { zones: [...zonesFor(true), ...featureZones] }],
    },
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
