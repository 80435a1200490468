import { useMutation } from '@tanstack/react-query';
import type { Batch, BatchItemInput, CreateBatchBody } from '../../../contracts/batch.ts';
import { http } from './http.ts';

export type { Batch, BatchItemInput };

/** Starts batch production over the chosen items; the news hub and the library both offer it. */
export const useStartBatch = () => useMutation({ mutationFn: (body: CreateBatchBody) => http.post<Batch>('/api/batches', body) });
