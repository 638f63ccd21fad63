/** The link whose QR code the window shows (one at a time), by its ledger id. */
class QrState {
  linkId = $state<string | null>(null);
  /** Where focus goes back when the dialog closes. */
  private opener: HTMLElement | null = null;

  open(linkId: string): void {
    this.opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    this.linkId = linkId;
  }

  close(): void {
    this.linkId = null;
    this.opener?.focus();
    this.opener = null;
  }
}

export const qr = new QrState();
