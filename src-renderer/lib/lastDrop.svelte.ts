/** The ids the latest drop or pick added (a single file offers nothing), until shared as one link or put away. */
class LastDrop {
  ids = $state<string[]>([]);

  remember(ids: readonly string[] | undefined): void {
    this.ids = ids && ids.length >= 2 ? [...ids] : [];
  }

  forget(): void {
    this.ids = [];
  }
}

export const lastDrop = new LastDrop();
