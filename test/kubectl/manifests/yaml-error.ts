/** The message yamlToJson throws for a text, or `no error` (the manifest tests' probe). */
import { yamlToJson } from '../../../src/kubectl/manifests/yaml-to-json.js';

/** yamlToJson's error message for `text`, or `no error`. */
export function yamlError(text: string): string {
  try {
    yamlToJson(text);
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
}
