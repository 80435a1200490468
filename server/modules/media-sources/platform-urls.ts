/** Hosts whose pages hold a video rather than being one (read with yt-dlp). */
const PLATFORM_HOSTS = [
  /(^|\.)instagram\.com$/,
  /(^|\.)tiktok\.com$/,
  /(^|\.)youtube\.com$/,
  /^youtu\.be$/,
  /(^|\.)vk\.com$/,
  /(^|\.)vkvideo\.ru$/,
  /(^|\.)vk\.ru$/,
];

export function isVideoPlatformPage(raw: string): boolean {
  try {
    const host = new URL(raw).hostname.toLowerCase();
    return PLATFORM_HOSTS.some((pattern) => pattern.test(host));
  } catch {
    return false;
  }
}
