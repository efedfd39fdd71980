// Ambient types for the browser bundle: esbuild loads .graphql and .css files.
declare module "*.graphql" {
  const text: string;
  export default text;
}
declare module "*.css";

interface Window {
  MonacoEnvironment?: { getWorker(workerId: string, label: string): Worker };
}
