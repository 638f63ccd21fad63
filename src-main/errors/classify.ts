import { FerryError, isFerryError } from './ferryError.ts';
import { classifyStsError } from '../credentials/classifyStsError.ts';
import { classifyOssError } from '../oss/classifyError.ts';

type Classifier = (error: unknown) => FerryError | undefined;

// STS first (its errors are specific classes), then OSS/network errors from ali-oss and fetch.
const classifiers: Classifier[] = [classifyStsError, classifyOssError];

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
