import type {
  InferenceRequest,
  InferenceResponse,
  PredictResponse,
} from '@servable/inference-server';
import { DemoError } from './demo-error.js';
import { FEATURES_COL } from './demo-pipeline.js';

/** The server's answer for a batch of examples. */
export interface BatchPrediction {
  /** The model version that answered (`model_version` of the response). */
  readonly version: string;
  /** The predicted label of each example (0 or 1). */
  readonly predictions: Float64Array;
  /** The probability of label 1 for each example (`rawPrediction[1]`). */
  readonly probabilities: Float64Array;
}

/**
 * A small HTTP client of the demo model on the running server: batches through the Open
 * Inference Protocol v2 (`POST /v2/models/{name}/infer`), single rows through the row-style
 * `POST /v1/models/{name}:predict`. It uses Node's `fetch`, as any other client would.
 */
export class InferenceClient {
  /**
   * @param baseUrl the server's address, e.g. `http://127.0.0.1:8080`.
   * @param model the model's name on the server.
   */
  constructor(
    readonly baseUrl: string,
    readonly model: string,
  ) {}

  /**
   * Predicts a batch of raw feature rows with one OIP v2 request.
   * @throws DemoError (`SERVER_ERROR`) for a non-2xx answer or an answer without the outputs.
   */
  async inferBatch(rows: readonly Float64Array[]): Promise<BatchPrediction> {
    const dim = rows[0]?.length ?? 0;
    const data: number[] = [];
    for (const row of rows) for (const v of row) data.push(v);
    const request: InferenceRequest = {
      inputs: [{ name: FEATURES_COL, shape: [rows.length, dim], datatype: 'FP64', data }],
      outputs: [{ name: 'prediction' }, { name: 'rawPrediction' }],
    };
    const url = `${this.baseUrl}/v2/models/${this.model}/infer`;
    const response = (await this.post(url, request)) as InferenceResponse;
    const prediction = response.outputs.find((o) => o.name === 'prediction');
    const raw = response.outputs.find((o) => o.name === 'rawPrediction');
    if (prediction === undefined || raw === undefined) {
      throw new DemoError(
        'SERVER_ERROR',
        `${url} answered without the prediction and rawPrediction outputs: [${response.outputs.map((o) => o.name).join(', ')}].`,
      );
    }
    const probabilities = new Float64Array(rows.length);
    for (let r = 0; r < rows.length; r++) probabilities[r] = Number(raw.data[r * 2 + 1]);
    return {
      version: response.model_version,
      predictions: Float64Array.from(prediction.data, Number),
      probabilities,
    };
  }

  /**
   * Predicts one raw feature row with the row-style endpoint; resolves to the model version
   * that answered.
   * @throws DemoError (`SERVER_ERROR`) for a non-2xx answer.
   */
  async predictOne(row: Float64Array): Promise<string> {
    const url = `${this.baseUrl}/v1/models/${this.model}:predict`;
    const response = (await this.post(url, {
      instances: [{ [FEATURES_COL]: Array.from(row) }],
    })) as PredictResponse;
    return response.model_version;
  }

  private async post(url: string, body: unknown): Promise<unknown> {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) {
      throw new DemoError(
        'SERVER_ERROR',
        `POST ${url} answered ${response.status}: ${text.slice(0, 300)}`,
      );
    }
    return JSON.parse(text) as unknown;
  }
}
