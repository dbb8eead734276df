#!/usr/bin/env bash
# Scaffolds a workspace package: scripts/new-package.sh packages/NAME "description" [dep ...]
set -euo pipefail
dir=$1; desc=$2; shift 2
name="@servable/$(basename "$dir")"
mkdir -p "$dir/src" "$dir/test"
deps=""
for d in "$@"; do deps="$deps\"$d\": \"workspace:^\","; done
deps="{${deps%,}}"
cat > "$dir/package.json" <<JSON
{
  "name": "$name",
  "version": "0.1.0",
  "description": "$desc",
  "type": "module",
  "license": "Apache-2.0",
  "sideEffects": false,
  "exports": {
    ".": {
      "@servable/source": "./src/index.ts",
      "types": "./dist/index.d.ts",
      "default": "./dist/index.js"
    },
    "./package.json": "./package.json"
  },
  "types": "./dist/index.d.ts",
  "files": ["dist", "src"],
  "scripts": {
    "build": "tsc -p tsconfig.build.json",
    "typecheck": "tsc -p tsconfig.json",
    "test": "vitest run"
  },
  "dependencies": $deps
}
JSON
cat > "$dir/tsconfig.json" <<JSON
{
  "extends": "../../tsconfig.base.json",
  "include": ["src", "test"]
}
JSON
cat > "$dir/tsconfig.build.json" <<JSON
{
  "extends": "./tsconfig.json",
  "compilerOptions": {
    "noEmit": false,
    "customConditions": [],
    "rootDir": "src",
    "outDir": "dist"
  },
  "include": ["src"]
}
JSON
cat > "$dir/vitest.config.ts" <<TS
export { default } from '../../vitest.shared.ts';
TS
