/** GET /v1/models body. */
export function modelsListBody(modelIds: readonly string[], ownedBy: string) {
  return {
    object: 'list' as const,
    data: modelIds.map((id) => ({ id, object: 'model' as const, created: 0, owned_by: ownedBy })),
  };
}
