/** The conflict dialog (a save answered 412) and the projects page's work view. */
export const conflictsEn = {
  'conflict.dialogTitle': 'Not saved: this stage changed elsewhere',
  'conflict.dialogBody': 'Version {v} was saved in another tab or by someone else after you started this change. Your change is still here: choose what to keep.',
  'conflict.dialogGone': 'The step you were changing no longer exists. Keeping yours saves it again.',
  'conflict.changedHere': 'Changed here: {list}',
  'conflict.changedThere': 'Changed there: {list}',
  'conflict.changedBoth': 'Changed in both places (merging keeps yours): {list}',
  'conflict.theirData': 'Their version',
  'conflict.seeOther': 'See the other change',
  'conflict.keepMineOverwrite': 'Keep mine',
  'conflict.scene': 'Scene {n}',
  'conflict.merge': 'Merge both',
  'conflict.mergeHint': 'Merging takes each scene from the place where it was changed.',
  'conflict.changedBothPlain': 'Changed in both places: {list}',
  'conflict.storyboardSettings': 'Music and captions',
  'conflict.storyboardKeepHint': 'Keeping yours saves only your change, on top of the other one.',
  'conflict.avatarKeepHint': 'Keeping yours saves your choice over the other one.',
} as const;
