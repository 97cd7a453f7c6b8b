// On a report opened from a share link: says where it came from and what the sender's page left out or masked.
import { useSharedLink } from '../../state/url-sync';
import './share.css';

export function SharedLinkNotice() {
  const opened = useSharedLink((s) => s.opened);
  if (!opened) return null;
  return (
    <section className="shared-link-notice" aria-label="Shared report" data-shared-mode={opened.mode}>
      <p>
        <strong>Opened from a share link.</strong>{' '}
        {opened.mode === 'diagnosis'
          ? 'The raw pastes were left out of this link (too long to carry): findings, evidence lines, hosts and charts are shown as they were shared.'
          : 'The pastes and answers it carried are now in this browser; the report below was worked out again from them.'}
      </p>
      <ul>
        {opened.redacted > 0 && <li>{opened.redacted} secret line{opened.redacted === 1 ? ' was' : 's were'} masked before sharing.</li>}
        {opened.anonymised && (
          <li>
            Addresses and names were anonymised before sharing: subnets and the sender&apos;s verdicts are kept; the real
            addresses, host names, domains, usernames, e-mail addresses, descriptions, contacts, certificate subjects,
            banners, serial numbers and the names of access lists, VRFs, maps, groups and VLANs are not.
          </li>
        )}
        {opened.mode === 'diagnosis' && opened.omitted.length > 1 && <li>Also left out: {opened.omitted.slice(1).join(', ')}.</li>}
        {opened.notes.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
    </section>
  );
}
