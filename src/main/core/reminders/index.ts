// Expiry reminders for links the person copied or shared: which are due, one reminder for all of them,
// each entry at most once. Plain Node: the app's timer and its notifier live in app-service.
export { LinkShareStore, type DueLink } from './link-share-store';
export { groupReminder, describeReminderEnglish, type ExpiryReminder } from './expiry-reminder';
