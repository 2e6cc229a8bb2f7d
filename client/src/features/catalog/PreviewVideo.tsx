import { useRef } from 'react';

/**
 * A catalog preview: the poster only (preload="none", nothing downloaded) until the pointer comes
 * onto it (or, from the catalog card, the keyboard focus), then the mute loop plays. 24 autoplaying
 * videos per page would cost a phone dozens of MB.
 */
export function PreviewVideo({
  src,
  poster,
  label,
}: {
  src: string;
  poster?: string | null | undefined;
  label: string;
}) {
  const ref = useRef<HTMLVideoElement>(null);
  const play = () => void ref.current?.play().catch(() => {});
  const pause = () => ref.current?.pause();
  return (
    <div className="preview" onMouseEnter={play} onMouseLeave={pause} onTouchStart={play}>
      <video
        ref={ref}
        src={src}
        poster={poster ?? undefined}
        muted
        loop
        playsInline
        preload="none"
        aria-label={label}
      />
    </div>
  );
}
