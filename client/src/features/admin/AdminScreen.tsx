import { NavLink, Navigate, Route, Routes } from 'react-router';
import { paths } from '../../app/paths.ts';
import { TagsSection } from './tags/TagsSection.tsx';
import { PublicAvatarsSection } from './avatars/PublicAvatarsSection.tsx';
import { ApiKeysSection } from './keys/ApiKeysSection.tsx';
import { UsageByUserSection } from './usage/UsageByUserSection.tsx';

export const adminPaths = {
  tags: `${paths.admin}/tags`,
  avatars: `${paths.admin}/avatars`,
  keys: `${paths.admin}/keys`,
  usage: `${paths.admin}/usage`,
};

const SECTIONS = [
  { to: adminPaths.tags, label: 'Tags' },
  { to: adminPaths.avatars, label: 'Public avatars' },
  { to: adminPaths.keys, label: 'API keys' },
  { to: adminPaths.usage, label: 'Usage by user' },
];

/** `/admin`: the catalog's tags and public avatars, partner keys, and usage per user, one section per sub-route. */
export default function AdminScreen() {
  return (
    <section aria-labelledby="admin-title" className="admin">
      <h1 id="admin-title">Admin</h1>
      <nav aria-label="Admin sections" className="admin-tabs">
        {SECTIONS.map((s) => (
          <NavLink key={s.to} to={s.to}>
            {s.label}
          </NavLink>
        ))}
      </nav>
      <Routes>
        <Route path="tags" element={<TagsSection />} />
        <Route path="avatars" element={<PublicAvatarsSection />} />
        <Route path="keys" element={<ApiKeysSection />} />
        <Route path="usage" element={<UsageByUserSection />} />
        <Route path="*" element={<Navigate to={adminPaths.tags} replace />} />
      </Routes>
    </section>
  );
}
