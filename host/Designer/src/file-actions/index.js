import FileActions from './FileActions';

/**
 * Editor actions for the toolbar: 'designer.new', 'designer.openFile',
 * 'designer.downloadXml', 'designer.downloadSvg'.
 */
export default {
  __init__: [ 'fileActions' ],
  fileActions: [ 'type', FileActions ]
};
