// The share action: a link (copied and shown) that opens this diagnosis elsewhere; secrets masked, addresses
// optionally anonymised, and a plain statement of what the link does and does not carry.
import { useId, useState } from 'react';
import type { ShareLink } from '../../share/build-share';
import { describeRedaction } from '../../share/redact-secrets';
import { useAppStore } from '../../state/store';
import { currentPageUrl } from '../../state/url-sync';
import './share.css';

type CopyState = 'idle' | 'copied' | 'failed';

/**
 * The latest link asked for (module-wide: the panel may be drawn again while a link is being made). A link made for
 * an earlier ask, with the other anonymise setting or for an earlier diagnosis, is neither shown nor copied: an
 * engineer who ticks "anonymise" while a plain link is still being made must not find the plain one in the clipboard.
 */
let latestAsk = 0;

/**
 * The link is made in a worker (masking, anonymising, re-reading the pastes for the sender's verdicts, deflate:
 * seconds of work on a big paste, issue 12); only its small client loads here, when a link is wanted.
 */
const loadBuilder = () => Promise.all([import('../../worker/link-client'), import('../../share/anonymise-addresses'), import('../../share/share-route')]);

async function makeLink(anonymise: boolean): Promise<{ link: ShareLink; budget: number } | null> {
  const { pastes, answers, diagnosis } = useAppStore.getState();
  if (!diagnosis) return null;
  const [{ buildLinkInWorker }, { ANONYMISE_KEY_BYTES }, { LINK_BUDGET }] = await loadBuilder();
  const link = await buildLinkInWorker({
    pageUrl: currentPageUrl(),
    pastes: pastes.filter((p) => p.text.length > 0).map((p) => ({ source: p.name, text: p.text })),
    answers,
    diagnosis,
    // A fresh random key per link: two links of the same network cannot be lined up against each other.
    anonymiseKey: anonymise ? crypto.getRandomValues(new Uint8Array(ANONYMISE_KEY_BYTES)) : null,
  });
  return { link, budget: LINK_BUDGET };
}

/** Exactly what "anonymise" replaces and what it keeps (issue 12): the engineer decides with this in view. */
function AnonymiseScope() {
  return (
    <div className="share-anonymise-scope" data-anonymise-scope>
      <p>
        <strong>Replaced</strong>, the same way everywhere in this link: IPv4 and IPv6 addresses (also in{' '}
        <code>show tcp brief</code> form and zero-padded), the last half of MAC addresses, hostnames (in the{' '}
        <code>hostname</code> line and in prompts), neighbours&apos; and servers&apos; host names (CDP, LLDP, syslog, NTP and
        logging servers), domain names and the host names under them, usernames (in the configuration, logs, logins and{' '}
        <code>show users</code>; also a dialer&apos;s PPP names; generic ones such as <code>admin</code> are kept) and e-mail
        addresses, interface descriptions (also in{' '}
        <code>show interfaces description</code>), SNMP location and contact, call-home contacts and ids, certificate
        subjects, licence account names, banners, serial numbers (also in tables), and the names
        given to access lists, VRFs, route-maps, class and policy maps, prefix lists, object groups, zones, SSIDs, VLANs,
        pools, AAA method lists, flow exporters and monitors, and port profiles (a name such as <code>ACME-IN</code> everywhere it appears; a plain word such as <code>internal</code> only
        where the configuration puts a name).
      </p>
      <p>
        <strong>Kept</strong>: which addresses share a subnet (prefix-preserving), netmasks and wildcard masks,{' '}
        <code>0.0.0.0</code>, <code>255.255.255.255</code>, <code>::</code> and <code>::1</code>, the vendor part (first
        half) of MAC addresses, port numbers, interface names, commands and counters, and the verdicts: the link
        carries this page&apos;s own verdicts where the changed addresses alone would read differently. Secrets are
        masked either way.
      </p>
    </div>
  );
}

export function SharePanel() {
  const has = useAppStore((s) => s.diagnosis !== null);
  const anonymise = useAppStore((s) => s.shareAnonymise);
  const setAnonymise = useAppStore((s) => s.setShareAnonymise);
  const [made, setMade] = useState<{ link: ShareLink; budget: number } | null>(null);
  const [copy, setCopy] = useState<CopyState>('idle');
  const [error, setError] = useState<string | null>(null);
  const [making, setMaking] = useState(false);
  const fieldId = useId();
  if (!has) return null;

  const link = made?.link ?? null;
  const share = async () => {
    const ask = ++latestAsk;
    const { diagnosis, shareAnonymise } = useAppStore.getState();
    // Still the link asked for: no later ask, the same setting, the same diagnosis.
    const current = () => ask === latestAsk && useAppStore.getState().shareAnonymise === shareAnonymise && useAppStore.getState().diagnosis === diagnosis;
    let next: Awaited<ReturnType<typeof makeLink>>;
    try {
      setError(null);
      setMade(null);
      setCopy('idle');
      setMaking(true);
      next = await makeLink(shareAnonymise);
    } catch (e) {
      if (current()) setError((e as Error).message);
      return;
    } finally {
      if (ask === latestAsk) setMaking(false);
    }
    if (!current()) {
      // Only the diagnosis moved on (the analysis of a restored session finished meanwhile): make the link of the new
      // one, rather than drop the click without a word.
      if (ask === latestAsk && useAppStore.getState().shareAnonymise === shareAnonymise && useAppStore.getState().diagnosis !== null) return share();
      return;
    }
    setMade(next);
    if (!next) return;
    try {
      await navigator.clipboard.writeText(next.link.url);
      setCopy('copied');
    } catch {
      setCopy('failed'); // file:// and some browsers refuse the clipboard: the field below still has it
    }
  };

  const redaction = link ? describeRedaction(link.redacted) : '';
  return (
    <section className="share-panel report-part no-print" aria-labelledby="share-heading">
      <h2 id="share-heading">Share</h2>
      <p className="muted">
        The link holds the report itself (after <code>#</code>, which browsers never send to a server). Router secrets
        (passwords and secrets of every kind, SNMP communities, keys, certificates, <code>crypto</code> blocks,
        credentials in URLs, license tokens) are always masked before a link is made, wherever they sit on a line.
      </p>
      <div className="actions">
        <label className="inline-field">
          <input
            type="checkbox"
            checked={anonymise}
            onChange={(e) => {
              // A link being made, or shown, with the other setting is void.
              latestAsk++;
              setAnonymise(e.target.checked);
              setMade(null);
              setMaking(false);
              setCopy('idle');
            }}
          />
          Anonymise addresses and names
        </label>
        {/* Hover or focus starts loading the builder, so the click rarely waits for it. */}
        <button type="button" onClick={() => void share()} onPointerEnter={() => void loadBuilder()} onFocus={() => void loadBuilder()}>
          Copy share link
        </button>
      </div>
      {anonymise && <AnonymiseScope />}
      {making && (
        <p role="status" data-share-making>
          Making the {anonymise ? 'anonymised ' : ''}link…
        </p>
      )}
      {error && <p role="alert">The link could not be made: {error}.</p>}
      {link && (
        <div className="share-result" aria-live="polite">
          <p role="status">
            {copy === 'copied' && 'Link copied to the clipboard. '}
            {copy === 'failed' && 'This browser did not allow copying: select the link below and copy it. '}
            {link.url.length.toLocaleString('en')} characters.
          </p>
          <label htmlFor={fieldId}>Share link</label>
          <textarea id={fieldId} className="share-link-field" readOnly rows={3} value={link.url} onFocus={(e) => e.currentTarget.select()} />
          <ul className="share-notes">
            <li>{redaction ? `${redaction} before sharing.` : 'No router secrets were found in the pastes.'}</li>
            {link.anonymised && <li>Addresses and names are anonymised with a key made for this link only and never stored.</li>}
            {link.mode === 'diagnosis' && (
              <li data-share-mode="diagnosis">
                The raw pastes were left out: they would make the link longer than {made?.budget.toLocaleString('en')} characters, so
                it carries the diagnosis itself (findings with their evidence lines, host verdicts, charts).
                {link.omitted.length > 1 && ` Also left out: ${link.omitted.slice(1).join(', ')}.`}
              </li>
            )}
            {link.overBudget && <li>This link is long; some chat tools and ticket systems cut links this size.</li>}
          </ul>
        </div>
      )}
    </section>
  );
}
