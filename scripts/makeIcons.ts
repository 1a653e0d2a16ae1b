/** npm run icons: draws appPackage/color.png (192×192) and outline.png (32×32, white on transparent). */
import { writeFileSync } from 'fs';
import path from 'path';
import { colorIcon, outlineIcon } from './appPackage/icons';
import { APP_PACKAGE_DIR } from './appPackage/manifest';
import { encodePng } from './appPackage/png';

writeFileSync(path.join(APP_PACKAGE_DIR, 'color.png'), encodePng(colorIcon()));
writeFileSync(path.join(APP_PACKAGE_DIR, 'outline.png'), encodePng(outlineIcon()));
console.log(`Ikonerna skrivna till ${APP_PACKAGE_DIR}.`);
