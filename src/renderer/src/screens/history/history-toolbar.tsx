// Search, the status chips, and the whole-history actions (clear expired, export).
import { useId } from 'react';
import type { RefObject } from 'react';
import { Icon } from '../../components/icon';
import { MenuButton } from '../../components/menu-button';
import { SegmentedControl } from '../../components/segmented-control';
import { useT } from '../../i18n/i18n-context';

export type HistoryFilter = 'all' | 'active' | 'expiring' | 'expired' | 'pinned' | 'failed';

export interface HistoryToolbarProps {
  search: string;
  onSearch: (text: string) => void;
  filter: HistoryFilter;
  onFilter: (filter: HistoryFilter) => void;
  onClearExpired: () => void;
  onExport: (format: 'json' | 'csv') => void;
  searchRef: RefObject<HTMLInputElement | null>;
}

export function HistoryToolbar({
  search,
  onSearch,
  filter,
  onFilter,
  onClearExpired,
  onExport,
  searchRef,
}: HistoryToolbarProps) {
  const t = useT();
  const searchId = useId();
  return (
    <div className="toolbar">
      <div className="search">
        <Icon name="search" size={16} className="search-icon" />
        <label htmlFor={searchId} className="visually-hidden">
          {t('history.search.label')}
        </label>
        <input
          ref={searchRef}
          id={searchId}
          className="input search-input"
          type="search"
          value={search}
          placeholder={t('history.search.placeholder')}
          onChange={(event) => onSearch(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && search !== '') {
              event.preventDefault();
              onSearch('');
            }
          }}
          disabled={filter === 'failed'}
        />
      </div>
      <SegmentedControl<HistoryFilter>
        label={t('history.filter.label')}
        variant="chips"
        value={filter}
        onChange={onFilter}
        options={[
          { value: 'all', label: t('history.filter.all') },
          { value: 'active', label: t('history.filter.active') },
          { value: 'expiring', label: t('history.filter.expiring') },
          { value: 'expired', label: t('history.filter.expired') },
          { value: 'pinned', label: t('history.filter.pinned') },
          { value: 'failed', label: t('history.filter.failed') },
        ]}
      />
      <div className="toolbar-spacer" />
      <button type="button" className="button button-small button-ghost" onClick={onClearExpired}>
        <Icon name="broom" size={14} />
        {t('history.clearExpired')}
      </button>
      <MenuButton
        className="button button-small button-ghost"
        label={t('history.export')}
        items={[
          { id: 'json', label: t('history.export.json'), onSelect: () => onExport('json') },
          { id: 'csv', label: t('history.export.csv'), onSelect: () => onExport('csv') },
        ]}
      >
        <Icon name="download" size={14} />
        {t('history.export')}
        <Icon name="chevronDown" size={12} />
      </MenuButton>
    </div>
  );
}
