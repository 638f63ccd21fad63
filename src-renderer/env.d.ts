// Stylesheets are bundled by vite; the import has no value.
declare module '*.css';
