import { ReactNode } from 'react';
import Box from '@material-ui/core/Box';

/** Inputs side by side, wrapping onto the next line where the form is narrow. */
export function InputRow(props: { mb?: number; children: ReactNode }) {
  return (
    <Box
      display="flex"
      flexWrap="wrap"
      alignItems="flex-start"
      style={{ gap: 8 }}
      mb={props.mb}
    >
      {props.children}
    </Box>
  );
}
