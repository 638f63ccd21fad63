import { FerryError, isFerryError } from './ferryError.ts';

type Classifier = (error: unknown) => FerryError | undefined;

const classifiers: Classifier[] = [];

/**
 * Capabilities that know how to read raw failures (ali-oss errors, STS JSON errors, socket errors)
 * register a classifier here; the first one that recognises the error wins.
 */
export function registerClassifier(classifier: Classifier): void {
  classifiers.push(classifier);
}

/** Turns anything thrown into a FerryError with a catalog code. Never copies raw server text. */
export function classifyError(error: unknown): FerryError {
  if (isFerryError(error)) return error;
  for (const classify of classifiers) {
    const found = classify(error);
    if (found) return found;
  }
  return new FerryError('app.unexpected', {}, { cause: error });
}
